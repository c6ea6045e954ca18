#include "Terminal.h"

#include <termios.h>
#include <unistd.h>

namespace Terminal {

bool stdinIsTerminal()
{
    return isatty(STDIN_FILENO) == 1;
}

bool readSecretLine(QIODevice* input, SecureBytes* line)
{
    QByteArray bytes = input->readLine();
    if (bytes.isEmpty())
        return false;
    while (bytes.endsWith('\n') || bytes.endsWith('\r'))
        bytes.chop(1);
    *line = SecureBytes::takeFrom(bytes);
    return true;
}

bool readSecretLineNoEcho(QIODevice* input, SecureBytes* line)
{
    termios saved{};
    const bool terminal = tcgetattr(STDIN_FILENO, &saved) == 0;
    if (terminal) {
        termios silent = saved;
        silent.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent);
    }
    const bool read = readSecretLine(input, line);
    if (terminal)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
    return read;
}

} // namespace Terminal
