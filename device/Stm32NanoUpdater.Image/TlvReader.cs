namespace Stm32NanoUpdater.Image
{
    /// <summary>
    /// Reads and checks the TLV areas. Stricter than MCUboot's iterator, never looser: the protected area's total must
    /// equal the header's protected size (MCUboot's rule), every entry must lie inside its area, the entries must tile
    /// each area exactly, and the unprotected area may only hold the TLV types MCUboot's allow-list permits there.
    /// </summary>
    public static class TlvReader
    {
        /// <summary>Reads the TLV areas starting at <paramref name="start"/>; nothing may extend past <paramref name="limit"/>.</summary>
        /// <exception cref="ImageFormatException">Any layout violation (reason <see cref="RejectReason.BadLayout"/>).</exception>
        public static TlvArea Read(IByteSource source, int start, int protectedTlvSize, int limit)
        {
            byte[] info = new byte[TlvArea.InfoSize];
            int protectedSize = 0;
            int position = start;
            ReadInfo(source, position, limit, info);
            if (LittleEndian.ReadUInt16(info, 0) == TlvArea.ProtectedMagic)
            {
                protectedSize = LittleEndian.ReadUInt16(info, 2);
                if (protectedSize != protectedTlvSize)
                {
                    throw Bad("protected TLV area is " + protectedSize.ToString() + " bytes but the header says " +
                        protectedTlvSize.ToString());
                }

                CheckInside(start, protectedSize, limit, "protected TLV area");
                position = start + protectedSize;
                ReadInfo(source, position, limit, info);
            }
            else if (protectedTlvSize != 0)
            {
                throw Bad("the header announces " + protectedTlvSize.ToString() +
                    " bytes of protected TLVs but there is no protected TLV area (magic 0x6908)");
            }

            if (LittleEndian.ReadUInt16(info, 0) != TlvArea.UnprotectedMagic)
            {
                throw Bad("no TLV area after the payload (magic 0x6907 not found at offset " + position.ToString() + ")");
            }

            int unprotectedSize = LittleEndian.ReadUInt16(info, 2);
            if (unprotectedSize < TlvArea.InfoSize)
            {
                throw Bad("TLV area length " + unprotectedSize.ToString() + " is smaller than its info header");
            }

            CheckInside(position, unprotectedSize, limit, "TLV area");

            int protectedCount = CountEntries(source, start, protectedSize, true, null, 0);
            int unprotectedCount = CountEntries(source, position, unprotectedSize, false, null, 0);
            TlvEntry[] entries = new TlvEntry[protectedCount + unprotectedCount];
            CountEntries(source, start, protectedSize, true, entries, 0);
            CountEntries(source, position, unprotectedSize, false, entries, protectedCount);
            return new TlvArea(start, protectedSize, unprotectedSize, entries);
        }

        // Walks one area; fills entries from firstIndex when entries is not null. Returns the number of entries.
        private static int CountEntries(IByteSource source, int areaStart, int areaSize, bool isProtected,
            TlvEntry[] entries, int firstIndex)
        {
            if (areaSize == 0)
            {
                return 0;
            }

            string area = isProtected ? "protected TLV area" : "TLV area";
            byte[] header = new byte[TlvArea.EntryHeaderSize];
            int areaEnd = areaStart + areaSize;
            int position = areaStart + TlvArea.InfoSize;
            int count = 0;
            while (position < areaEnd)
            {
                if (areaEnd - position < TlvArea.EntryHeaderSize)
                {
                    throw Bad(area + " ends inside a TLV entry header at offset " + position.ToString());
                }

                source.Read(position, header, 0, TlvArea.EntryHeaderSize);
                int type = LittleEndian.ReadUInt16(header, 0);
                int length = LittleEndian.ReadUInt16(header, 2);
                int dataOffset = position + TlvArea.EntryHeaderSize;
                if (length > areaEnd - dataOffset)
                {
                    throw Bad("TLV " + TlvType.Name(type) + " at offset " + position.ToString() + " has length " +
                        length.ToString() + ", which runs past the end of the " + area);
                }

                if (!isProtected && !TlvType.IsAllowedUnprotected(type))
                {
                    throw Bad("TLV " + TlvType.Name(type) + " must be in the protected TLV area (MCUboot allow-list)");
                }

                if (entries != null)
                {
                    entries[firstIndex + count] = new TlvEntry(type, dataOffset, length, isProtected);
                }

                count++;
                position = dataOffset + length;
            }

            return count;
        }

        private static void ReadInfo(IByteSource source, int position, int limit, byte[] info)
        {
            if (position < 0 || position > limit - TlvArea.InfoSize)
            {
                throw Bad("image ends before its TLV area (offset " + position.ToString() + ", length " + limit.ToString() + ")");
            }

            source.Read(position, info, 0, TlvArea.InfoSize);
        }

        private static void CheckInside(int position, int size, int limit, string area)
        {
            if (size > limit - position)
            {
                throw Bad(area + " at offset " + position.ToString() + " claims " + size.ToString() +
                    " bytes but the image ends at " + limit.ToString());
            }
        }

        private static ImageFormatException Bad(string message)
        {
            return new ImageFormatException(RejectReason.BadLayout, message);
        }
    }
}
