#pragma once

// What every fuzz target shares: the environment ctest gives the tests, a Qt application
// made once per process, Qt's messages kept out of libFuzzer's output, and a check that
// aborts (so that libFuzzer saves the input) when a property of the code under test fails.

#include <QByteArray>
#include <QCoreApplication>
#include <QtGlobal>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace FuzzSupport {

// Before any Qt or store code reads them: a cheap key derivation (the fixture stores sign
// in once per process, but the real cost would still dominate start-up), no display, and
// untranslated messages, exactly as sidep_add_test sets them for the tests.
inline void prepareEnvironment()
{
    setenv("SIDEP_TEST_FAST_KDF", "1", 1);
    setenv("QT_QPA_PLATFORM", "offscreen", 1);
    setenv("LC_ALL", "C", 1);
    setenv("LANG", "C", 1);
}

// Warnings about refused input are what the fuzzer provokes millions of times; printing
// them would slow it and bury its own report. Fatal messages still abort.
inline void quietQt()
{
    qInstallMessageHandler([](QtMsgType type, const QMessageLogContext&, const QString& message) {
        if (type == QtFatalMsg)
            fprintf(stderr, "fatal: %s\n", qPrintable(message));
    });
}

// One application object for the whole process (QCoreApplication, QGuiApplication or
// QApplication), with an argv of its own so that Qt never sees libFuzzer's flags. Never
// destroyed: libFuzzer ends the process with exit(), and Qt objects still alive then would
// be destroyed after the application.
template <class Application>
Application& application()
{
    static int argc = 1;
    static char name[] = "sidep-fuzz";
    static char* argv[] = {name, nullptr};
    static Application* instance = new Application(argc, argv);
    return *instance;
}

inline QByteArray bytes(const uint8_t* data, size_t size)
{
    return QByteArray(reinterpret_cast<const char*>(data), qsizetype(size));
}

// A property that must hold for every input: when it does not, the input is a finding.
[[noreturn]] inline void fail(const char* what, const char* file, int line)
{
    fprintf(stderr, "fuzz check failed: %s (%s:%d)\n", what, file, line);
    abort();
}

} // namespace FuzzSupport

#define FUZZ_CHECK(condition)                                                                      \
    do {                                                                                           \
        if (!(condition))                                                                          \
            FuzzSupport::fail(#condition, __FILE__, __LINE__);                                     \
    } while (false)
