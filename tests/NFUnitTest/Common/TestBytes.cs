using System;

namespace NFUnitTest.Common
{
    /// <summary>Byte helpers for on-device tests (nanoFramework 1.x subset: no generics, no LINQ).</summary>
    public static class TestBytes
    {
        public static byte[] FromHex(string hex)
        {
            if (hex.Length % 2 != 0)
            {
                throw new ArgumentException("odd number of hex digits");
            }

            byte[] bytes = new byte[hex.Length / 2];
            for (int i = 0; i < bytes.Length; i++)
            {
                bytes[i] = (byte)((Digit(hex[2 * i]) << 4) | Digit(hex[2 * i + 1]));
            }

            return bytes;
        }

        /// <summary>A deterministic byte pattern (i * 7 + 3) used by the SHA-256 boundary vectors.</summary>
        public static byte[] Pattern(int length)
        {
            byte[] bytes = new byte[length];
            for (int i = 0; i < length; i++)
            {
                bytes[i] = (byte)(i * 7 + 3);
            }

            return bytes;
        }

        public static byte[] Filled(int length, byte value)
        {
            byte[] bytes = new byte[length];
            for (int i = 0; i < length; i++)
            {
                bytes[i] = value;
            }

            return bytes;
        }

        public static byte[] Ascii(string text)
        {
            byte[] bytes = new byte[text.Length];
            for (int i = 0; i < text.Length; i++)
            {
                bytes[i] = (byte)text[i];
            }

            return bytes;
        }

        public static bool Equal(byte[] a, byte[] b)
        {
            if (a.Length != b.Length)
            {
                return false;
            }

            for (int i = 0; i < a.Length; i++)
            {
                if (a[i] != b[i])
                {
                    return false;
                }
            }

            return true;
        }

        private static int Digit(char c)
        {
            if (c >= '0' && c <= '9')
            {
                return c - '0';
            }

            if (c >= 'a' && c <= 'f')
            {
                return c - 'a' + 10;
            }

            if (c >= 'A' && c <= 'F')
            {
                return c - 'A' + 10;
            }

            throw new ArgumentException("not a hex digit: " + c);
        }
    }
}
