# Checks that the shared library exports exactly the public nu_crypto API. Run with -DLIBRARY=<file> -DNM=<nm>.
set(expected
    nu_crypto_ecdsa_p256_verify
    nu_crypto_ed25519_verify
    nu_crypto_sha256
    nu_crypto_sha256_final
    nu_crypto_sha256_init
    nu_crypto_sha256_update)

execute_process(COMMAND ${NM} -D --defined-only ${LIBRARY} OUTPUT_VARIABLE symbols RESULT_VARIABLE status)
if(NOT status EQUAL 0)
    message(FATAL_ERROR "${NM} failed on ${LIBRARY}")
endif()
string(REGEX MATCHALL "[ \t][TtDdBbRr][ \t][A-Za-z_][A-Za-z0-9_]*" lines "${symbols}")
set(exported "")
foreach(line IN LISTS lines)
    string(REGEX REPLACE "^[ \t][A-Za-z][ \t]" "" name "${line}")
    if(NOT name MATCHES "^_")
        list(APPEND exported ${name})
    endif()
endforeach()
list(SORT exported)
if(NOT "${exported}" STREQUAL "${expected}")
    message(FATAL_ERROR "exported symbols differ\n  expected: ${expected}\n  found:    ${exported}")
endif()
message(STATUS "libnu_crypto exports exactly: ${exported}")
