#pragma once

#include <memory>

// Every OpenSSL handle is owned by a unique_ptr calling its own free function:
//   using BioPtr = OpenSslPtr<BIO, BIO_free>;
// The free function is part of the type, so a handle cannot be released with the wrong one,
// and the pointer costs no more than the raw handle.
template <auto Free>
struct OpenSslFree
{
    template <typename T>
    void operator()(T* handle) const
    {
        Free(handle);
    }
};

template <typename T, auto Free>
using OpenSslPtr = std::unique_ptr<T, OpenSslFree<Free>>;
