// C-owned buffers: size limits, zero fill, and free accepting NULL.
#include <gtest/gtest.h>

#include "buffer.h"

TEST(Buffer, AllocatesZeroedMemoryOfTheSize) {
    Buffer *b = create_buffer(4096);
    ASSERT_NE(b, nullptr);
    EXPECT_EQ(b->size, 4096u);
    for (size_t i = 0; i < b->size; i++) {
        ASSERT_EQ(b->data[i], 0) << "at " << i;
    }
    b->data[4095] = 0xAB;
    EXPECT_EQ(b->data[4095], 0xAB);
    free_buffer(b);
}

TEST(Buffer, RefusesSizesOutOfRange) {
    EXPECT_EQ(create_buffer(0), nullptr);
    EXPECT_EQ(create_buffer(BUFFER_MAX_SIZE + 1), nullptr);
    EXPECT_EQ(create_buffer(SIZE_MAX), nullptr);
}

TEST(Buffer, LargestSizeIsAccepted) {
    Buffer *b = create_buffer(BUFFER_MAX_SIZE);
    ASSERT_NE(b, nullptr);
    EXPECT_EQ(b->size, BUFFER_MAX_SIZE);
    free_buffer(b);
}

TEST(Buffer, FreeAcceptsNull) {
    free_buffer(nullptr);
    SUCCEED();
}
