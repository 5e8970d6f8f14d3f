#ifndef BRIEFING_CFILESYNC_H
#define BRIEFING_CFILESYNC_H

/// Starts writing `length` bytes of `descriptor` from `offset` to the disk without waiting
/// (Linux `sync_file_range` with SYNC_FILE_RANGE_WRITE). Returns 0, or -1 with errno set;
/// 0 and nothing done where the call does not exist. A hint: only `fsync` makes data durable.
int briefing_start_writeback(int descriptor, long long offset, long long length);

#endif
