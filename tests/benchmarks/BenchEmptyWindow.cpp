// The baseline of the start-up and memory benchmarks: the least a Qt Widgets program does,
// one empty window of the main window's size. Links Qt Widgets only.
//
//   bench_empty_window            shows the window until it is killed (bench_startup)
//   bench_empty_window --memory   prints "VmHWM <kB>" once the window is shown, and quits

#include <QApplication>
#include <QFile>
#include <QTextStream>
#include <QTimer>
#include <QWidget>

using namespace Qt::StringLiterals;

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QWidget window;
    window.setWindowTitle(u"empty"_s);
    window.resize(1280, 720); // as MainWindow
    window.show();
    if (QCoreApplication::arguments().contains(u"--memory"_s)) {
        // Once the event loop has shown and painted the window.
        QTimer::singleShot(200, &app, [] {
            QFile status(u"/proc/self/status"_s);
            if (status.open(QIODevice::ReadOnly)) {
                for (const QByteArray& line : status.readAll().split('\n')) {
                    if (line.startsWith("VmHWM:"))
                        QTextStream(stdout) << QString::fromLatin1(line.simplified()) << u'\n';
                }
            }
            QCoreApplication::quit();
        });
    }
    return QApplication::exec();
}
