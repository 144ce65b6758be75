// Work spread over threads without losing failures: an exception in a worker
// stops the pool taking new items and is rethrown in the caller after every
// thread has joined (instead of std::terminate from inside std::thread).
#pragma once

#include <cstddef>
#include <functional>

namespace histmap {

// Runs work(i) for every i in [0, count) on up to `threads` threads (0: one per core).
// Rethrows the first exception a worker raised, after all workers have stopped.
void parallel_for(size_t count, unsigned threads, const std::function<void(size_t)>& work);

}  // namespace histmap
