// CPU-side feature scaling for the data loader (hot loop in preprocessing).
#include <cstddef>
#include <immintrin.h>

void scale_features(float *data, std::size_t n, float factor) {
  const __m256 f = _mm256_set1_ps(factor);
  std::size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    __m256 v = _mm256_loadu_ps(data + i);
    _mm256_storeu_ps(data + i, _mm256_mul_ps(v, f));
  }
  for (; i < n; ++i) data[i] *= factor;  // tail
}

static inline unsigned long long cycles() {
  unsigned lo, hi;
  __asm__ __volatile__("rdtsc" : "=a"(lo), "=d"(hi));
  return (static_cast<unsigned long long>(hi) << 32) | lo;
}
