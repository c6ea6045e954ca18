#include <QTest>

// Placeholder while the test is being written.
class TestDurability : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void notWrittenYet() { QFAIL("not written yet"); }
};

QTEST_GUILESS_MAIN(TestDurability)
#include "TestDurability.moc"
