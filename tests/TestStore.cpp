#include <QTest>

// Placeholder while the test is being written.
class TestStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void notWrittenYet() { QFAIL("not written yet"); }
};

QTEST_GUILESS_MAIN(TestStore)
#include "TestStore.moc"
