#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The system calls the outputs share, with their retry rules in one place.
enum FileDescriptorIO {
    /// Writes all of `bytes` to `descriptor`, continuing after short writes and retrying
    /// after signals; on a non-blocking descriptor it waits until it is writable.
    ///
    /// Returns 0 when everything is written, otherwise the `errno` of the failed write.
    static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) -> Int32 {
        guard var next = bytes.baseAddress else { return 0 }
        var remaining = bytes.count

        while remaining > 0 {
            let written = write(descriptor, next, remaining)
            if written >= 0 {
                next += written
                remaining -= written
                continue
            }

            switch errno {
            case EINTR: continue
            case EAGAIN, EWOULDBLOCK: waitUntilWritable(descriptor)
            case let code: return code
            }
        }
        return 0
    }

    /// Flushes a file's data to its device, retrying after signals; returns 0 or `errno`.
    static func synchronize(_ descriptor: Int32) -> Int32 {
        while fsync(descriptor) != 0 {
            if errno != EINTR { return errno }
        }
        return 0
    }

    /// Closes a descriptor; returns 0 or `errno`. It is not retried: on Linux the descriptor
    /// is released even when `close` reports an interruption.
    static func closeDescriptor(_ descriptor: Int32) -> Int32 {
        close(descriptor) == 0 ? 0 : errno
    }

    /// The system's description of an `errno` value, as `strerror` gives it.
    static func reason(_ code: Int32) -> String {
        String(cString: strerror(code))
    }

    private static func waitUntilWritable(_ descriptor: Int32) {
        var request = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
        _ = poll(&request, 1, -1)
    }
}
