#include <QTest>

// Placeholder while the test is being written.
class TestSidepCtl : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void notWrittenYet() { QFAIL("not written yet"); }
};

QTEST_GUILESS_MAIN(TestSidepCtl)
#include "TestSidepCtl.moc"
