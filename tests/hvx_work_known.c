/* A Hexagon program whose work is known, to check what hexagon/hvx_work.c counts
   (tests/test_hvx_work.cmake): known_work executes 1003 packets (the loop setup, 1000 loop
   iterations, two more), 2005 instructions (1 + 1000 x 2 + 3 + 1: the constant extender of
   r3 = ##... and the nop are not counted) and 1000 HVX instructions (the vadd). */
#include "libc.h"

__attribute__((naked, noinline)) void known_work(void) {
    __asm__ volatile(
        "{ loop0(1f, #1000) }\n"
        "1: { v0.b = vadd(v1.b, v2.b); r0 = add(r0, #1) }:endloop0\n"
        "{ r1 = add(r1, #2); r2 = #3; r3 = ##0x12345678; nop }\n"
        "{ jumpr r31 }\n");
}

int main(int argc, char **argv) {
    (void)argc;
    (void)argv;
    known_work();
    return 0;
}
