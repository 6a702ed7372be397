// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
#include "util/bounded_queue.h"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

namespace annals::util {
namespace {

TEST(BoundedQueueTest, DeliversEverythingInOrderAcrossThreads) {
  BoundedQueue<int> q(4);
  std::thread producer([&] {
    for (int i = 0; i < 10000; ++i) ASSERT_TRUE(q.Push(i));
    q.Close();
  });
  std::vector<int> got;
  while (auto v = q.Pop()) got.push_back(*v);
  producer.join();
  ASSERT_EQ(got.size(), 10000u);
  for (int i = 0; i < 10000; ++i) ASSERT_EQ(got[i], i);
}

TEST(BoundedQueueTest, ClosedQueueRefusesPushesAndDrains) {
  BoundedQueue<int> q(2);
  ASSERT_TRUE(q.Push(1));
  q.Close();
  EXPECT_FALSE(q.Push(2));
  EXPECT_EQ(q.Pop(), 1);
  EXPECT_EQ(q.Pop(), std::nullopt);
}

}  // namespace
}  // namespace annals::util
