#
# nf-interpreter module for the interop assembly Stm32NanoUpdater.Native (found as INTEROP-Stm32NanoUpdater.Native
# when the assembly is listed in NF_INTEROP_ASSEMBLIES). The board's CMakeLists.txt puts this folder on
# CMAKE_MODULE_PATH and sets NU_NATIVE_INTEROP_DIR; if you copy this file to nf-interpreter/CMake/Modules instead
# (the layout the stub generator assumes), set NU_NATIVE_INTEROP_DIR to this folder yourself.
#
# Besides the stub files, the assembly compiles the C helpers of nf-targets/crypto (SHA-256 and ECDSA P-256 on the
# firmware's mbedTLS, our Ed25519). The board links mbedcrypto into NF_NativeAssemblies after nf_setup_target_build.

if(NOT NU_NATIVE_INTEROP_DIR)
    set(NU_NATIVE_INTEROP_DIR ${CMAKE_CURRENT_LIST_DIR})
endif()
get_filename_component(NU_CRYPTO_DIR "${NU_NATIVE_INTEROP_DIR}/../../crypto" REALPATH)

set(BASE_PATH_FOR_THIS_MODULE ${NU_NATIVE_INTEROP_DIR})

list(APPEND Stm32NanoUpdater.Native_INCLUDE_DIRS ${PROJECT_SOURCE_DIR}/src/CLR/Core)
list(APPEND Stm32NanoUpdater.Native_INCLUDE_DIRS ${PROJECT_SOURCE_DIR}/src/CLR/Include)
list(APPEND Stm32NanoUpdater.Native_INCLUDE_DIRS ${PROJECT_SOURCE_DIR}/src/HAL/Include)
list(APPEND Stm32NanoUpdater.Native_INCLUDE_DIRS ${PROJECT_SOURCE_DIR}/src/PAL/Include)
list(APPEND Stm32NanoUpdater.Native_INCLUDE_DIRS ${BASE_PATH_FOR_THIS_MODULE})
list(APPEND Stm32NanoUpdater.Native_INCLUDE_DIRS ${NU_CRYPTO_DIR}/include)
list(APPEND Stm32NanoUpdater.Native_INCLUDE_DIRS ${NU_CRYPTO_DIR}/src)

set(Stm32NanoUpdater.Native_SRCS
    ${BASE_PATH_FOR_THIS_MODULE}/Stm32NanoUpdater_Native.cpp
    ${BASE_PATH_FOR_THIS_MODULE}/Stm32NanoUpdater_Native_Stm32NanoUpdater_Native_NativeCrypto_mshl.cpp
    ${BASE_PATH_FOR_THIS_MODULE}/Stm32NanoUpdater_Native_Stm32NanoUpdater_Native_NativeCrypto.cpp
    ${NU_CRYPTO_DIR}/src/nu_sha256.c
    ${NU_CRYPTO_DIR}/src/nu_ecdsa_p256.c
    ${NU_CRYPTO_DIR}/src/nu_ed25519_verify.c
    ${NU_CRYPTO_DIR}/src/ed25519_field.c
    ${NU_CRYPTO_DIR}/src/ed25519_point.c
    ${NU_CRYPTO_DIR}/src/ed25519_scalar.c)

foreach(SRC_FILE ${Stm32NanoUpdater.Native_SRCS})
    if(NOT EXISTS ${SRC_FILE})
        message(FATAL_ERROR "Stm32NanoUpdater.Native: missing source ${SRC_FILE}")
    endif()
    list(APPEND Stm32NanoUpdater.Native_SOURCES ${SRC_FILE})
endforeach()

include(FindPackageHandleStandardArgs)

FIND_PACKAGE_HANDLE_STANDARD_ARGS(Stm32NanoUpdater.Native DEFAULT_MSG Stm32NanoUpdater.Native_INCLUDE_DIRS
                                  Stm32NanoUpdater.Native_SOURCES)
