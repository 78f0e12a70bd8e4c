#nullable enable
using System.Collections;

namespace nanoFramework.TestFramework
{
    /// <summary>nanoFramework.TestFramework's CollectionAssert (same ordered, element-wise Equals comparison).</summary>
    public sealed class CollectionAssert
    {
        private CollectionAssert()
        {
        }

        public static void AreEqual(ICollection? expected, ICollection? actual, string message = "")
        {
            string? difference = Difference(expected, actual);
            if (difference is not null)
            {
                Assert.Fail("CollectionAssert.AreEqual", $"{message}({difference})");
            }
        }

        public static void AreNotEqual(ICollection? notExpected, ICollection? actual, string message = "")
        {
            if (Difference(notExpected, actual) is null)
            {
                Assert.Fail("CollectionAssert.AreNotEqual", $"{message}(Both collection contain same elements.)");
            }
        }

        public static void Empty(ICollection collection, string message = "")
        {
            if (collection.Count != 0)
            {
                Assert.Fail("CollectionAssert.Empty", message);
            }
        }

        public static void NotEmpty(ICollection collection, string message = "")
        {
            if (collection.Count == 0)
            {
                Assert.Fail("CollectionAssert.NotEmpty", message);
            }
        }

        private static string? Difference(ICollection? expected, ICollection? actual)
        {
            if (ReferenceEquals(expected, actual))
            {
                return null;
            }

            if (expected is null || actual is null)
            {
                return "One collection is null.";
            }

            if (expected.Count != actual.Count)
            {
                return $"Different number of elements: expected {expected.Count}, actual {actual.Count}.";
            }

            IEnumerator left = expected.GetEnumerator();
            IEnumerator right = actual.GetEnumerator();
            for (int index = 0; left.MoveNext() && right.MoveNext(); index++)
            {
                if (!Equals(left.Current, right.Current))
                {
                    return $"Element at index {index} do not match. Expected:<{left.Current}>. Actual:<{right.Current}>.";
                }
            }

            return null;
        }
    }
}
