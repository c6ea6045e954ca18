#pragma once

// Process-wide protections every executable of the project applies first thing in main():
// no core dumps (they would hold decrypted records and keys), not attachable by other
// processes of the same user, and files created readable by their owner only.
namespace Bootstrap {
void hardenProcess();
}
