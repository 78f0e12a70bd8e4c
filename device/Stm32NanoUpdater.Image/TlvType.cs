namespace Stm32NanoUpdater.Image
{
    /// <summary>TLV type codes (MCUboot bootutil/image.h IMAGE_TLV_*).</summary>
    public static class TlvType
    {
        public const int KeyHash = 0x01;
        public const int PublicKey = 0x02;
        public const int Sha256 = 0x10;
        public const int Sha384 = 0x11;
        public const int Sha512 = 0x12;
        public const int Rsa2048Pss = 0x20;
        public const int Ecdsa224 = 0x21;

        /// <summary>ECDSA signature, DER SEQUENCE { r, s } (imgtool "ECDSASIG", formerly "ECDSA256").</summary>
        public const int EcdsaSignature = 0x22;
        public const int Rsa3072Pss = 0x23;
        public const int Ed25519 = 0x24;
        public const int SignaturePure = 0x25;
        public const int EncRsa2048 = 0x30;
        public const int EncKw = 0x31;
        public const int EncEc256 = 0x32;
        public const int EncX25519 = 0x33;
        public const int EncX25519Sha512 = 0x34;
        public const int Dependency = 0x40;
        public const int SecurityCounter = 0x50;
        public const int BootRecord = 0x60;
        public const int DecompressedSize = 0x70;
        public const int DecompressedSha = 0x71;
        public const int DecompressedSignature = 0x72;
        public const int CompressedDecryptedSize = 0x73;
        public const int UuidVendor = 0x74;
        public const int UuidClass = 0x75;

        /// <summary>
        /// The MCUboot rule for the unprotected area (image_validate.c, MCUBOOT_USE_TLV_ALLOW_LIST): only what is needed
        /// to hold the signature may be unprotected — the expected key TLV (key hash), the expected hash TLV (SHA-256),
        /// the expected signature TLV (we accept ECDSA P-256 and Ed25519 keys, so both) and the encryption-key TLVs.
        /// Every other TLV must sit in the protected area, where the hash covers it.
        /// </summary>
        public static bool IsAllowedUnprotected(int type)
        {
            switch (type)
            {
                case KeyHash:
                case Sha256:
                case EcdsaSignature:
                case Ed25519:
                case EncRsa2048:
                case EncKw:
                case EncEc256:
                case EncX25519:
                case EncX25519Sha512:
                    return true;
                default:
                    return false;
            }
        }

        public static string Name(int type)
        {
            switch (type)
            {
                case KeyHash: return "KEYHASH";
                case PublicKey: return "PUBKEY";
                case Sha256: return "SHA256";
                case Sha384: return "SHA384";
                case Sha512: return "SHA512";
                case Rsa2048Pss: return "RSA2048_PSS";
                case Ecdsa224: return "ECDSA224";
                case EcdsaSignature: return "ECDSA_SIG";
                case Rsa3072Pss: return "RSA3072_PSS";
                case Ed25519: return "ED25519";
                case SignaturePure: return "SIG_PURE";
                case EncRsa2048: return "ENC_RSA2048";
                case EncKw: return "ENC_KW";
                case EncEc256: return "ENC_EC256";
                case EncX25519: return "ENC_X25519";
                case EncX25519Sha512: return "ENC_X25519_SHA512";
                case Dependency: return "DEPENDENCY";
                case SecurityCounter: return "SEC_CNT";
                case BootRecord: return "BOOT_RECORD";
                case DecompressedSize: return "DECOMP_SIZE";
                case DecompressedSha: return "DECOMP_SHA";
                case DecompressedSignature: return "DECOMP_SIGNATURE";
                case CompressedDecryptedSize: return "COMP_DEC_SIZE";
                case UuidVendor: return "UUID_VID";
                case UuidClass: return "UUID_CID";
                default: return "0x" + HexText.Format((uint)type, 2);
            }
        }
    }
}
