// sidepctl-manpage TEMPLATE OUTPUT: writes sidepctl's man page, its OPTIONS and COMMANDS
// sections (@SIDEPCTL_OPTIONS@ and @SIDEPCTL_COMMANDS@ in the template) made from the same
// tables of options and commands as the program's help. Run at build time
// (packaging/CMakeLists.txt); never installed.

#include "SidepCtl.h"

#include <QCoreApplication>
#include <QFile>
#include <QSaveFile>
#include <cstdio>

int main(int argc, char* argv[])
{
    const QCoreApplication app(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() != 3) {
        std::fputs("usage: sidepctl-manpage TEMPLATE OUTPUT\n", stderr);
        return 2;
    }
    QFile input(arguments.at(1));
    if (!input.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "sidepctl-manpage: %s\n", qPrintable(input.errorString()));
        return 1;
    }
    QString page = QString::fromUtf8(input.readAll());
    const std::pair<QString, QString> sections[] = {
        {QStringLiteral("@SIDEPCTL_OPTIONS@\n"), SidepCtl::manOptions()},
        {QStringLiteral("@SIDEPCTL_COMMANDS@\n"), SidepCtl::manCommands()},
    };
    for (const auto& [placeholder, roff] : sections) {
        if (page.count(placeholder) != 1) {
            std::fprintf(stderr, "sidepctl-manpage: the template needs one %s line\n",
                         qPrintable(placeholder.trimmed()));
            return 1;
        }
        page.replace(placeholder, roff);
    }
    QSaveFile output(arguments.at(2));
    if (!output.open(QIODevice::WriteOnly) || output.write(page.toUtf8()) < 0 || !output.commit()) {
        std::fprintf(stderr, "sidepctl-manpage: %s\n", qPrintable(output.errorString()));
        return 1;
    }
    return 0;
}
