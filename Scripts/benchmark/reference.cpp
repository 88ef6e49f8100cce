// A hand-written reader of `y_hat,y` CSV files: the speed a plain, careful C++ program
// reaches on this machine, as a yardstick for biasgrad. It maps the file, skips the
// header line, splits the data rows across threads at newlines, splits each row on its
// comma, parses both fields with fast_float and adds the mse+sigmoid bias gradient
// g = (y_hat - y) * y_hat * (1 - y_hat) into a plain double sum per thread.
//
//     reference FILE [THREADS]      prints "mean sum" with 17 significant digits
//
// It handles what the benchmark's files hold (LF or CRLF lines, no quoting) and stops
// with exit status 65 on anything else.

#include <fast_float/fast_float.h>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <system_error>
#include <thread>
#include <vector>

namespace {

struct PartialSum {
    double sum = 0.0;
    std::uint64_t count = 0;
    bool valid = true;
};

bool parse_field(const char* begin, const char* end, double& value) {
    while (begin < end && *begin == ' ') ++begin;
    while (end > begin && (end[-1] == ' ' || end[-1] == '\r')) --end;
    auto result = fast_float::from_chars(begin, end, value);
    return result.ec == std::errc() && result.ptr == end;
}

PartialSum sum_rows(const char* begin, const char* end) {
    PartialSum partial;
    const char* line = begin;
    while (line < end) {
        auto newline = static_cast<const char*>(std::memchr(line, '\n', end - line));
        const char* line_end = newline ? newline : end;
        const char* next_line = newline ? newline + 1 : end;
        if (line_end == line || (line_end - line == 1 && *line == '\r')) {
            line = next_line;
            continue;
        }

        auto comma = static_cast<const char*>(std::memchr(line, ',', line_end - line));
        double y_hat = 0.0;
        double y = 0.0;
        if (!comma || !parse_field(line, comma, y_hat) ||
            !parse_field(comma + 1, line_end, y)) {
            partial.valid = false;
            return partial;
        }

        partial.sum += (y_hat - y) * y_hat * (1.0 - y_hat);
        partial.count += 1;
        line = next_line;
    }
    return partial;
}

// Cuts [begin, end) into `parts` ranges that each start at the beginning of a line.
std::vector<const char*> split_at_lines(const char* begin, const char* end, int parts) {
    std::vector<const char*> cuts{begin};
    for (int part = 1; part < parts; ++part) {
        const char* cut = begin + (end - begin) * part / parts;
        if (cut < cuts.back()) cut = cuts.back();
        auto newline = static_cast<const char*>(std::memchr(cut, '\n', end - cut));
        cuts.push_back(newline ? newline + 1 : end);
    }
    cuts.push_back(end);
    return cuts;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: reference FILE [THREADS]\n");
        return 64;
    }
    int threads = argc > 2 ? std::atoi(argv[2]) : 2;
    if (threads < 1) threads = 1;

    int descriptor = open(argv[1], O_RDONLY);
    struct stat status {};
    if (descriptor < 0 || fstat(descriptor, &status) != 0 || status.st_size == 0) {
        std::fprintf(stderr, "reference: cannot read %s\n", argv[1]);
        return 66;
    }
    auto size = static_cast<std::size_t>(status.st_size);
    void* mapped = mmap(nullptr, size, PROT_READ, MAP_PRIVATE, descriptor, 0);
    if (mapped == MAP_FAILED) {
        std::fprintf(stderr, "reference: cannot map %s\n", argv[1]);
        return 74;
    }
    madvise(mapped, size, MADV_SEQUENTIAL);

    const char* start = static_cast<const char*>(mapped);
    const char* end = start + size;
    auto header_end = static_cast<const char*>(std::memchr(start, '\n', size));
    const char* data = header_end ? header_end + 1 : end;

    auto cuts = split_at_lines(data, end, threads);
    std::vector<PartialSum> partials(threads);
    std::vector<std::thread> workers;
    for (int part = 0; part < threads; ++part) {
        workers.emplace_back([&, part] { partials[part] = sum_rows(cuts[part], cuts[part + 1]); });
    }
    for (auto& worker : workers) worker.join();

    PartialSum total;
    for (const auto& partial : partials) {
        total.sum += partial.sum;
        total.count += partial.count;
        total.valid = total.valid && partial.valid;
    }
    if (!total.valid || total.count == 0) {
        std::fprintf(stderr, "reference: %s holds a row that is not two numbers\n", argv[1]);
        return 65;
    }
    std::printf("%.17g %.17g\n", total.sum / static_cast<double>(total.count), total.sum);
    return 0;
}
