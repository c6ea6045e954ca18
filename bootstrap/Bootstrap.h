#pragma once

// Process-wide protections every executable of the project applies first thing in main():
// no core dumps (they would hold decrypted records and keys), not attachable by other
// processes of the same user, and files created readable by their owner only.
namespace Bootstrap {
void hardenProcess();

// Leaves OpenSSL's state to the system at exit instead of freeing it from an exit handler.
// QThread::wait() returns before the waited thread has run its thread-exit handlers, so
// Qt's network thread may still be releasing its OpenSSL state (error queue, random
// generators) while that handler tears OpenSSL down: what it held was then never freed,
// which the sanitizer build reported as leaks in one `sidepctl sync` out of a few. Must
// run before anything else uses OpenSSL; hardenProcess() calls it.
void keepOpenSslUntilExit();
} // namespace Bootstrap
