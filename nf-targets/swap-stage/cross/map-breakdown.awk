# Sums, per source file of the stage library (and the booter's CRC adapter), the bytes of the sections the linker kept
# (from a GNU ld map file): where the stage's code size goes. Usage: awk -f map-breakdown.awk size_probe_with_stage.map
function hex(s,    i, v) {
  v = 0; s = tolower(s); sub(/^0x/, "", s)
  for (i = 1; i <= length(s); i++) v = v * 16 + index("0123456789abcdef", substr(s, i, 1)) - 1
  return v
}
function tally(    name) {
  if (obj ~ /^libstage(_booter_crc)?\.a\(/) {
    name = obj; sub(/^libstage(_booter_crc)?\.a\(/, "", name); sub(/\.c\.obj.*/, "", name); bytes[name] += hex(size)
  }
}
/^Linker script and memory map/ { mapped = 1 }
!mapped { next }
/^ \.(text|rodata|data|bss)[^ ]*$/ { pending = 1; next }
/^ \.(text|rodata|data|bss)[^ ]* +0x/ { size = $3; obj = $4; pending = 0; tally(); next }
pending && /^ +0x/ { size = $2; obj = $3; pending = 0; tally(); next }
{ pending = 0 }
END { for (name in bytes) printf "%6d  %s.c\n", bytes[name], name }
