// What fault_test.cpp's interposed allocator offers the other tests of its program.
#ifndef JB_TEST_FAULT_INTERPOSE_H
#define JB_TEST_FAULT_INTERPOSE_H

#include <atomic>

namespace jbfault {

// Finds libjavabridge's address range, so that its own allocations can be told from the JVM's;
// false if the library is not loaded.
bool locate_library();

// When set, called by the interposed calloc before each allocation libjavabridge's own code
// asks for (once locate_library() found it), on the allocating thread: a test can park a thread
// at a point the library reaches only through an allocation.
extern std::atomic<void (*)()> calloc_hook;

} // namespace jbfault

#endif
