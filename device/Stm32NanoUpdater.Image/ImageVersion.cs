using System;

namespace Stm32NanoUpdater.Image
{
    /// <summary>
    /// The header's version: u8 major, u8 minor, u16 revision, u32 build, written "major.minor.revision+build".
    /// </summary>
    public sealed class ImageVersion
    {
        public ImageVersion(byte major, byte minor, ushort revision, uint build)
        {
            Major = major;
            Minor = minor;
            Revision = revision;
            Build = build;
        }

        public byte Major { get; }

        public byte Minor { get; }

        public ushort Revision { get; }

        public uint Build { get; }

        /// <summary>Orders by major, minor, revision, then build.</summary>
        public int CompareTo(ImageVersion other)
        {
            if (other == null)
            {
                return 1;
            }

            if (Major != other.Major)
            {
                return Major < other.Major ? -1 : 1;
            }

            if (Minor != other.Minor)
            {
                return Minor < other.Minor ? -1 : 1;
            }

            if (Revision != other.Revision)
            {
                return Revision < other.Revision ? -1 : 1;
            }

            if (Build != other.Build)
            {
                return Build < other.Build ? -1 : 1;
            }

            return 0;
        }

        public override bool Equals(object obj)
        {
            ImageVersion other = obj as ImageVersion;
            return other != null && CompareTo(other) == 0;
        }

        public override int GetHashCode()
        {
            return (int)((uint)Major << 24 ^ (uint)Minor << 16 ^ Revision ^ Build);
        }

        public override string ToString()
        {
            return Major.ToString() + "." + Minor.ToString() + "." + Revision.ToString() + "+" + Build.ToString();
        }

        /// <summary>
        /// Parses imgtool's syntax "maj[.min[.rev[+build]]]" (missing parts are 0, no leading zeros, no signs) and
        /// checks each part against its field width.
        /// </summary>
        /// <exception cref="ArgumentException">The text is malformed or a part is out of range; the message says which.</exception>
        public static ImageVersion Parse(string text)
        {
            if (text == null)
            {
                throw new ArgumentNullException("text");
            }

            uint[] parts = new uint[4];
            ulong[] limits = new ulong[] { 255, 255, 65535, 4294967295 };
            string[] names = new string[] { "major", "minor", "revision", "build" };
            char[] separators = new char[] { '.', '.', '+' };
            int position = 0;
            for (int part = 0; part < 4; part++)
            {
                int start = position;
                ulong value = 0;
                while (position < text.Length && text[position] >= '0' && text[position] <= '9')
                {
                    value = value * 10 + (ulong)(text[position] - '0');
                    position++;
                    if (position - start > 10)
                    {
                        break;
                    }
                }

                int digits = position - start;
                if (digits == 0 || (digits > 1 && text[start] == '0'))
                {
                    throw new ArgumentException(Malformed(text));
                }

                if (digits > 10 || value > limits[part])
                {
                    throw new ArgumentException("version '" + text + "' is out of range: " + names[part] +
                        " must be 0.." + limits[part].ToString());
                }

                parts[part] = (uint)value;
                if (position == text.Length)
                {
                    break;
                }

                if (part == 3 || text[position] != separators[part])
                {
                    throw new ArgumentException(Malformed(text));
                }

                position++;
                if (position == text.Length)
                {
                    throw new ArgumentException(Malformed(text));
                }
            }

            return new ImageVersion((byte)parts[0], (byte)parts[1], (ushort)parts[2], parts[3]);
        }

        private static string Malformed(string text)
        {
            return "version '" + text + "' is not maj.min.rev+build (later parts optional, no leading zeros)";
        }
    }
}
