#pragma once

#include "SecureBytes.h"

#include <QIODevice>

// Reading secrets from standard input: a line at a time, into wiping buffers, with echo
// turned off when the input is a terminal.
namespace Terminal {

// True when file descriptor 0 is an interactive terminal.
bool stdinIsTerminal();
// Reads one line (without its end of line) into a wiping buffer. False at end of input.
bool readSecretLine(QIODevice* input, SecureBytes* line);
// Same, with the terminal's echo turned off while the user types.
bool readSecretLineNoEcho(QIODevice* input, SecureBytes* line);

} // namespace Terminal
