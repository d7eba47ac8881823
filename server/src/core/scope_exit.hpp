// Runs a clean-up when a scope ends, however it ends: by return, by error value or by exception.
// For state that must never be left half-changed (a flag that others wait on, a borrowed resource).
#pragma once
#include <utility>

namespace trellis {

template <typename F>
class ScopeExit {
 public:
  explicit ScopeExit(F f) : f_(std::move(f)) {}
  ~ScopeExit() { f_(); }
  ScopeExit(const ScopeExit&) = delete;
  ScopeExit& operator=(const ScopeExit&) = delete;

 private:
  F f_;
};

}  // namespace trellis
