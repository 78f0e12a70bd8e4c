using nanoFramework.TestFramework;
using NFUnitTest.Common;
using Stm32NanoUpdater.Image;

namespace NFUnitTest.Image
{
    /// <summary>
    /// The device's SHA-256 against the NIST FIPS 180-2 example vectors, plus block-boundary lengths (expected digests
    /// computed with Python's hashlib) and streaming in uneven pieces.
    /// </summary>
    [TestClass]
    public class Sha256Tests
    {
        [TestMethod]
        [DataRow("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
        [DataRow("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
        [DataRow("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")]
        [DataRow("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
            "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1")]
        public void NistShortMessages(string message, string expectedHex)
        {
            byte[] data = TestBytes.Ascii(message);
            CollectionAssert.AreEqual(TestBytes.FromHex(expectedHex), Sha256.Hash(data, 0, data.Length));
        }

        [TestMethod]
        public void NistOneMillionA()
        {
            Sha256 sha = new Sha256();
            byte[] chunk = TestBytes.Filled(1000, (byte)'a');
            for (int i = 0; i < 1000; i++)
            {
                sha.Update(chunk, 0, chunk.Length);
            }

            byte[] digest = new byte[Sha256.DigestSize];
            sha.Finish(digest, 0);
            CollectionAssert.AreEqual(
                TestBytes.FromHex("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"), digest);
        }

        [TestMethod]
        [DataRow(1, "084fed08b978af4d7d196a7446a86b58009e636b611db16211b65a9aadff29c5")]
        [DataRow(55, "e7313d333c272e639f790978283f9eb392e843d0f29b7016828bb1daa4aac70b")]
        [DataRow(56, "4324d65f3c103567f5589c710bc08f8523f929a9272e3af36fc968e52abc6c27")]
        [DataRow(57, "35df609437dcfea3279283ab79fd554e2bf78f8f7ae2de532d8ee300b09e8f73")]
        [DataRow(63, "81c80242132f230c3bd41b3e63bbcff16107339549214a99614ff26664625055")]
        [DataRow(64, "39e3d7b6b5d075d37d053ad89b24b41bef4f3c29760c84447cab3f3be1882241")]
        [DataRow(65, "aacca6ff74fdbb296d165a45cecfa04e5127bc008770fbbdd48006f2d2fae95e")]
        [DataRow(119, "9ce7368e4daf32341631b492e80359dc9f594b48453cd0dd5bf0b19279cc177e")]
        [DataRow(120, "7836b787757e95e58b3ca5aec90b1b004e8deba1e50e9675af9cabf1a13a04b5")]
        [DataRow(128, "d2742f1f4ac6bb7ca2b239ee18402ba8b3f9f8e652d2a72973c2b9ba11c08cf6")]
        [DataRow(1000, "1e9bc38cbf860b9ec31918b065f9b52476c549a782e0e7990bed8ce3868d2371")]
        [DataRow(4097, "225270fa091dc75bf959a0e3bbcb897fc3ae8e7fa128ae1394cf5614e15505f5")]
        public void PaddingBoundaries(int length, string expectedHex)
        {
            byte[] data = TestBytes.Pattern(length);
            CollectionAssert.AreEqual(TestBytes.FromHex(expectedHex), Sha256.Hash(data, 0, data.Length));
        }

        [TestMethod]
        [DataRow(1)]
        [DataRow(7)]
        [DataRow(63)]
        [DataRow(64)]
        [DataRow(65)]
        [DataRow(500)]
        public void StreamingInPiecesEqualsOneShot(int pieceSize)
        {
            byte[] data = TestBytes.Pattern(4097);
            Sha256 sha = new Sha256();
            for (int offset = 0; offset < data.Length; offset += pieceSize)
            {
                int count = data.Length - offset < pieceSize ? data.Length - offset : pieceSize;
                sha.Update(data, offset, count);
            }

            byte[] digest = new byte[Sha256.DigestSize];
            sha.Finish(digest, 0);
            CollectionAssert.AreEqual(Sha256.Hash(data, 0, data.Length), digest);
        }

        [TestMethod]
        public void FinishResetsForTheNextMessage()
        {
            Sha256 sha = new Sha256();
            byte[] abc = TestBytes.Ascii("abc");
            byte[] first = new byte[Sha256.DigestSize];
            byte[] second = new byte[Sha256.DigestSize];
            sha.Update(abc, 0, 3);
            sha.Finish(first, 0);
            sha.Update(abc, 0, 3);
            sha.Finish(second, 0);
            CollectionAssert.AreEqual(first, second);
        }

        [TestMethod]
        public void HashesAWindowOfAnArrayAndWritesAtAnOffset()
        {
            byte[] framed = TestBytes.Ascii("xxabcxx");
            Sha256 sha = new Sha256();
            sha.Update(framed, 2, 3);
            byte[] output = new byte[40];
            sha.Finish(output, 8);
            byte[] expected = TestBytes.FromHex("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
            for (int i = 0; i < 32; i++)
            {
                Assert.AreEqual(expected[i], output[8 + i]);
            }

            Assert.AreEqual((byte)0, output[7]);
        }

        [TestMethod]
        public void RejectsARangeOutsideTheArray()
        {
            Sha256 sha = new Sha256();
            Assert.ThrowsException(typeof(System.ArgumentOutOfRangeException), () => sha.Update(new byte[4], 2, 3));
        }
    }
}
