#include "core/config.hpp"

#include <algorithm>
#include <thread>

namespace trellis {

std::size_t Config::worker_threads() const {
  return threads ? threads : std::max<std::size_t>(4, 2 * std::thread::hardware_concurrency());
}

}  // namespace trellis
