// The sanitizers' default settings, linked into every executable of a SIDEP_SANITIZE build
// (see sidep_target_defaults). The runtimes call these functions at start-up; ASAN_OPTIONS,
// LSAN_OPTIONS and UBSAN_OPTIONS in the environment still override them for a hand run.

// Not in a header: the sanitizer runtimes look these names up, nothing else calls them.
extern "C" const char* __asan_default_options();
extern "C" const char* __lsan_default_options();
extern "C" const char* __ubsan_default_options();

extern "C" const char* __asan_default_options()
{
    // Stop at the first error (a test must fail, not limp on); leaks are checked at exit;
    // globals read before their initialiser ran are errors too.
    return "halt_on_error=1:detect_leaks=1:check_initialization_order=1:strict_init_order=1:"
           "detect_stack_use_after_return=1:strict_string_checks=1";
}

extern "C" const char* __lsan_default_options()
{
    // Allocations of the system's Qt and its plugins that live until exit: each entry says
    // why it is not ours (tests/sanitizers/lsan.supp).
    return "suppressions=" SIDEP_LSAN_SUPPRESSIONS ":print_suppressions=0";
}

extern "C" const char* __ubsan_default_options()
{
    // -fno-sanitize-recover=all already stops at the first finding; this says where.
    return "halt_on_error=1:print_stacktrace=1";
}
