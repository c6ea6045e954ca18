#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

// One `sidepctl` command run in the test's own process (no child process: fast, and the
// sanitizers see the command's code), with what it printed.
struct SidepCtlRun
{
    int code = -1;
    QString out;
    QString err;
    QString all() const { return out + err; }
};

// Runs sidepctl with `arguments` (without the program name), `input` as its standard input.
SidepCtlRun runSidepCtl(const QStringList& arguments, const QByteArray& input = {});
