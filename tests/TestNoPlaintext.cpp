#include <QTest>

// Placeholder while the test is being written.
class TestNoPlaintext : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void notWrittenYet() { QFAIL("not written yet"); }
};

QTEST_GUILESS_MAIN(TestNoPlaintext)
#include "TestNoPlaintext.moc"
