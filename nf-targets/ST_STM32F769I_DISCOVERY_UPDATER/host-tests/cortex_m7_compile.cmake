# Compiles the board's portable adapters for Cortex-M7 as nanoBooter would (-Os, -Werror) and prints their size.
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")
set(objects "")
foreach(name nu_spi_nor nu_internal_flash nu_board_platform nu_trusted_keys)
    execute_process(
        COMMAND "${CC}" -std=c99 -mcpu=cortex-m7 -mthumb -mfpu=fpv5-d16 -mfloat-abi=hard -Os -ffunction-sections
                -fdata-sections -Wall -Wextra -Werror -Wconversion -Wshadow -I${COMMON} -I${STAGE_INCLUDE}
                "-DNU_TRUSTED_KEY_HEADER=\"${KEY_HEADER}\"" -DNU_TRUSTED_KEY_SYMBOL=ecdsa_pub_key
                -c "${COMMON}/${name}.c" -o "${WORK_DIR}/${name}.o"
        RESULT_VARIABLE status ERROR_VARIABLE errors)
    if(NOT status EQUAL 0)
        message(FATAL_ERROR "Cortex-M7 compile of ${name}.c failed:\n${errors}")
    endif()
    list(APPEND objects "${WORK_DIR}/${name}.o")
endforeach()
get_filename_component(bin_dir "${CC}" DIRECTORY)
execute_process(COMMAND "${bin_dir}/arm-none-eabi-size" -t ${objects} OUTPUT_VARIABLE report)
message(STATUS "board adapters, Cortex-M7 -Os:\n${report}")
