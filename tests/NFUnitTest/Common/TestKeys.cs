namespace NFUnitTest.Common
{
    /// <summary>Public keys for tests: the first key groups of the Wycheproof ECDSA P-256 and Ed25519 vector files.</summary>
    public static class TestKeys
    {
        public const string EcdsaP256Spki =
            "3059301306072a8648ce3d020106082a8648ce3d0301070342000404aaec73635726f213fb8a9e64da3b8632e41495a944d0045b522eba7240fad587d9315798aaa3a5ba01775787ced05eaaf7b4e09fc81d6d1aa546e8365d525d";

        public const string EcdsaP256X = "04aaec73635726f213fb8a9e64da3b8632e41495a944d0045b522eba7240fad5";
        public const string EcdsaP256Y = "87d9315798aaa3a5ba01775787ced05eaaf7b4e09fc81d6d1aa546e8365d525d";

        public const string Ed25519Spki = "302a300506032b65700321007d4d0e7f6153a69b6242b522abbee685fda4420f8834b108c3bdae369ef549fa";
        public const string Ed25519Key = "7d4d0e7f6153a69b6242b522abbee685fda4420f8834b108c3bdae369ef549fa";
    }
}
