/*
 * An LD_PRELOAD library for ReadOnlyDatabaseIT: while the file SEATLINE_READ_ONLY_SWITCH exists, the folder
 * SEATLINE_READ_ONLY_FOLDER behaves for this process as if its file system had been remounted read-only. Writing,
 * truncating, allocating, creating, opening for writing, deleting and renaming files in it fail with EROFS, which is
 * what the kernel answers on a read-only mount; reads and everything outside the folder pass through untouched.
 *
 * Why not remount a tmpfs read-only: Linux refuses (EBUSY) while any file on it is open for writing, and a running
 * SQLite keeps its database, write-ahead log and shared-memory files open for writing.
 *
 * gcc -shared -fPIC -O2 -o read_only_folder.so read_only_folder.c -ldl
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>

#define NEXT(name) \
	static __typeof__(name) *next; \
	if (next == NULL) next = (__typeof__(name) *) dlsym(RTLD_NEXT, #name)

static int read_only_now(void) {
	const char *folder = getenv("SEATLINE_READ_ONLY_FOLDER");
	const char *flag = getenv("SEATLINE_READ_ONLY_SWITCH");
	return folder != NULL && *folder != '\0' && flag != NULL && access(flag, F_OK) == 0;
}

static int in_folder(const char *path) {
	const char *folder = getenv("SEATLINE_READ_ONLY_FOLDER");
	size_t length = strlen(folder);
	return path != NULL && strncmp(path, folder, length) == 0 && (path[length] == '/' || path[length] == '\0');
}

static int fd_in_folder(int fd) {
	char link[64];
	char target[4096];
	snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
	ssize_t length = readlink(link, target, sizeof target - 1);
	if (length < 0) {
		return 0;
	}
	target[length] = '\0';
	return in_folder(target);
}

static int refused_fd(int fd) {
	if (read_only_now() && fd_in_folder(fd)) {
		errno = EROFS;
		return 1;
	}
	return 0;
}

static int refused_path(const char *path) {
	if (read_only_now() && in_folder(path)) {
		errno = EROFS;
		return 1;
	}
	return 0;
}

static int writing(int flags) {
	return (flags & (O_WRONLY | O_RDWR | O_CREAT | O_TRUNC | O_APPEND)) != 0;
}

static mode_t mode_of(int flags, va_list arguments) {
	return (flags & O_CREAT) || (flags & O_TMPFILE) == O_TMPFILE ? (mode_t) va_arg(arguments, int) : 0;
}

int open(const char *path, int flags, ...) {
	va_list arguments;
	va_start(arguments, flags);
	mode_t mode = mode_of(flags, arguments);
	va_end(arguments);
	NEXT(open);
	if (writing(flags) && refused_path(path)) return -1;
	return next(path, flags, mode);
}

int open64(const char *path, int flags, ...) {
	va_list arguments;
	va_start(arguments, flags);
	mode_t mode = mode_of(flags, arguments);
	va_end(arguments);
	NEXT(open64);
	if (writing(flags) && refused_path(path)) return -1;
	return next(path, flags, mode);
}

int openat(int dir, const char *path, int flags, ...) {
	va_list arguments;
	va_start(arguments, flags);
	mode_t mode = mode_of(flags, arguments);
	va_end(arguments);
	NEXT(openat);
	if (writing(flags) && path[0] == '/' && refused_path(path)) return -1;
	return next(dir, path, flags, mode);
}

int openat64(int dir, const char *path, int flags, ...) {
	va_list arguments;
	va_start(arguments, flags);
	mode_t mode = mode_of(flags, arguments);
	va_end(arguments);
	NEXT(openat64);
	if (writing(flags) && path[0] == '/' && refused_path(path)) return -1;
	return next(dir, path, flags, mode);
}

ssize_t write(int fd, const void *buffer, size_t count) {
	NEXT(write);
	if (refused_fd(fd)) return -1;
	return next(fd, buffer, count);
}

ssize_t writev(int fd, const struct iovec *vector, int count) {
	NEXT(writev);
	if (refused_fd(fd)) return -1;
	return next(fd, vector, count);
}

ssize_t pwrite(int fd, const void *buffer, size_t count, off_t offset) {
	NEXT(pwrite);
	if (refused_fd(fd)) return -1;
	return next(fd, buffer, count, offset);
}

ssize_t pwrite64(int fd, const void *buffer, size_t count, off64_t offset) {
	NEXT(pwrite64);
	if (refused_fd(fd)) return -1;
	return next(fd, buffer, count, offset);
}

int ftruncate(int fd, off_t length) {
	NEXT(ftruncate);
	if (refused_fd(fd)) return -1;
	return next(fd, length);
}

int ftruncate64(int fd, off64_t length) {
	NEXT(ftruncate64);
	if (refused_fd(fd)) return -1;
	return next(fd, length);
}

int fallocate(int fd, int mode, off_t offset, off_t length) {
	NEXT(fallocate);
	if (refused_fd(fd)) return -1;
	return next(fd, mode, offset, length);
}

int fallocate64(int fd, int mode, off64_t offset, off64_t length) {
	NEXT(fallocate64);
	if (refused_fd(fd)) return -1;
	return next(fd, mode, offset, length);
}

int unlink(const char *path) {
	NEXT(unlink);
	if (refused_path(path)) return -1;
	return next(path);
}

int rename(const char *from, const char *to) {
	NEXT(rename);
	if (refused_path(from) || refused_path(to)) return -1;
	return next(from, to);
}
