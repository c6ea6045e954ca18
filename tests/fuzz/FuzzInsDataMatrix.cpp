// The text of an INS DataMatrix, as the camera, an image file or a wedge scanner deliver it
// (UTF-8 from ZXing): InsDataMatrix::parse. Property: an accepted code, written back by
// toPayload(), is accepted again with the same identity.

#include "FuzzSupport.h"
#include "InsDataMatrix.h"

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    FuzzSupport::prepareEnvironment();
    FuzzSupport::quietQt();
    FuzzSupport::application<QCoreApplication>();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QString text = QString::fromUtf8(FuzzSupport::bytes(data, size));
    const InsDataMatrix::Result result = InsDataMatrix::parse(text);
    if (!result.valid) {
        // A refusal always says which rule, for the message beside the field.
        FUZZ_CHECK(!result.rule.isEmpty() && !result.message.isEmpty());
        return 0;
    }
    const InsIdentity& identity = result.identity;
    FUZZ_CHECK(identity.birthDate.isValid());
    FUZZ_CHECK(!InsDataMatrix::patientJson(identity).isEmpty());

    const InsDataMatrix::Result again = InsDataMatrix::parse(InsDataMatrix::toPayload(identity));
    FUZZ_CHECK(again.valid);
    FUZZ_CHECK(again.identity.matricule == identity.matricule);
    FUZZ_CHECK(again.identity.oid == identity.oid);
    FUZZ_CHECK(again.identity.givenNames == identity.givenNames);
    FUZZ_CHECK(again.identity.familyName == identity.familyName);
    FUZZ_CHECK(again.identity.sex == identity.sex);
    FUZZ_CHECK(again.identity.birthDate == identity.birthDate);
    FUZZ_CHECK(again.identity.birthPlace == identity.birthPlace);
    return 0;
}
