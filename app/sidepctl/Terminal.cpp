#include "Terminal.h"

#include <QtGlobal>

// Echo and terminal detection are each platform's console calls, kept here.
#ifdef Q_OS_WIN
#include <cstdio>
#include <io.h>
#include <windows.h>
#else
#include <termios.h>
#include <unistd.h>
#endif

namespace Terminal {

bool stdinIsTerminal()
{
#ifdef Q_OS_WIN
    return _isatty(_fileno(stdin)) != 0;
#else
    return isatty(STDIN_FILENO) == 1;
#endif
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
#ifdef Q_OS_WIN
    const HANDLE console = GetStdHandle(STD_INPUT_HANDLE);
    DWORD saved = 0;
    const bool terminal = GetConsoleMode(console, &saved) != 0;
    if (terminal)
        SetConsoleMode(console, saved & ~DWORD(ENABLE_ECHO_INPUT));
    const bool read = readSecretLine(input, line);
    if (terminal)
        SetConsoleMode(console, saved);
#else
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
#endif
    return read;
}

} // namespace Terminal
