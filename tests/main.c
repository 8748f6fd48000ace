/* main.c -- the test runner's entry point.
 *
 * Criterion normally supplies main(), but libclips.a carries the CLIPS shell's main() as
 * well, and the linker would pick that one (the suite would sit in the CLIPS prompt). So the
 * suite has its own, the one Criterion documents for custom runners. */
#include <criterion/criterion.h>

int main(int argc, char *argv[]) {
  struct criterion_test_set *tests = criterion_initialize();
  int result = 0;
  if (criterion_handle_args(argc, argv, true))
    result = !criterion_run_all_tests(tests);
  criterion_finalize(tests);
  return result;
}
