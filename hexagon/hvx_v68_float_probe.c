/* Whether the emulator executes HVX v68 float vectors: one qf32 add of two sf vectors and the
   conversion back, compiled for v68. Prints "hvx v68 float: 1.0 + 1.0 = 2.0" and exits 0
   where it runs; QEMU 7.2's qemu-hexagon refuses the program ("unable to find CPU model") and,
   told -cpu v67, stops at the first float instruction. */
#include <stdint.h>

#include "libc.h"

int main(int argc, char **argv) {
    (void)argc;
    (void)argv;
    static int32_t out[32] __attribute__((aligned(128)));
    __asm__ volatile(
        "v0 = vsplat(%1)\n"
        "v1.qf32 = vadd(v0.sf, v0.sf)\n"
        "v2.sf = v1.qf32\n"
        "vmem(%0+#0) = v2\n"
        :
        : "r"(out), "r"(0x3f800000)
        : "v0", "v1", "v2", "memory");
    if (out[0] != 0x40000000 || out[31] != 0x40000000) {
        print("hvx v68 float: 1.0 + 1.0 gave the wrong bits\n");
        return 1;
    }
    print("hvx v68 float: 1.0 + 1.0 = 2.0\n");
    return 0;
}
