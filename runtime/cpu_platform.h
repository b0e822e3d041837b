// Which CPU queries this build can make (cpu_id.cpp, cpu_features.cpp): GHOSTNET_AARCH64_LINUX
// (the kernel's HWCAP bits) and GHOSTNET_X86_64 (CPUID and XGETBV through GCC/Clang).
#pragma once

#if defined(__aarch64__) && defined(__linux__)
#define GHOSTNET_AARCH64_LINUX 1
#endif
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define GHOSTNET_X86_64 1
#endif
