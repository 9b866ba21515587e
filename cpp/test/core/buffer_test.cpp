// C-owned buffers: size limits, zero fill, and free accepting NULL.
#include <cstdlib>
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

// In a child process, so that a crash in free_buffer(NULL) fails this test by name (and not the
// whole program): the child must come back from the call and exit normally.
TEST(Buffer, FreeAcceptsNull) {
    EXPECT_EXIT(
        {
            free_buffer(nullptr);
            std::exit(0);
        },
        ::testing::ExitedWithCode(0), "");
}

// Every byte of a buffer is freed: ASan (ci-sanitize) and memcheck (ci-valgrind) report a leak or
// a double free here.
TEST(Buffer, FreeReleasesABufferOnce) {
    Buffer *b = create_buffer(4096);
    ASSERT_NE(b, nullptr);
    b->data[4095] = 1;
    free_buffer(b);
}
