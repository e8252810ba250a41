#ifndef CHEAPSTATS_H
#define CHEAPSTATS_H
#include <stddef.h>

/// Bytes of heap in use by this process according to glibc (mallinfo2(3): `uordblks` + `hblkhd`, the chunks
/// allocated from the arenas and by mmap, allocator overhead included). Not affected by memory freed earlier and
/// reused, unlike the resident set size.
size_t cheapstats_heap_in_use(void);

#endif
