using System.Xml.Linq;
using Stm32NanoUpdater.Tests.Support;
using Xunit;

namespace Stm32NanoUpdater.Image.Tests;

/// <summary>
/// The .nfproj files cannot be built here (no nanoFramework project system on Linux), so their essentials are checked:
/// identity, the wildcard that keeps them in step with the .NET twins, and references that match packages.config.
/// </summary>
public class NanoProjectFileTests
{
    private static readonly XNamespace Msbuild = "http://schemas.microsoft.com/developer/msbuild/2003";

    [Theory]
    [InlineData("device/Stm32NanoUpdater.Image/Stm32NanoUpdater.Image.nfproj", "{5A1F0C11-0001-4E8B-9C3D-0000000000A1}", "Stm32NanoUpdater.Image")]
    [InlineData("tests/NFUnitTest/NFUnitTest.nfproj", "{5A1F0C11-0001-4E8B-9C3D-0000000000A6}", "NFUnitTest")]
    public void ProjectIdentityAndSources(string path, string guid, string assembly)
    {
        XDocument project = XDocument.Load(Path.Combine(RepoPaths.Root, path));
        Assert.Equal(guid, Value(project, "ProjectGuid"));
        Assert.Equal(assembly, Value(project, "AssemblyName"));
        Assert.Equal("9", Value(project, "LangVersion"));
        Assert.Contains(project.Descendants(Msbuild + "Compile"), c => (string?)c.Attribute("Include") == "**\\*.cs");
    }

    [Theory]
    [InlineData("device/Stm32NanoUpdater.Image")]
    [InlineData("tests/NFUnitTest")]
    public void ReferencesMatchPackagesConfig(string folder)
    {
        string directory = Path.Combine(RepoPaths.Root, folder);
        XDocument project = XDocument.Load(Directory.GetFiles(directory, "*.nfproj").Single());
        var packages = XDocument.Load(Path.Combine(directory, "packages.config")).Root!.Elements("package")
            .ToDictionary(p => (string)p.Attribute("id")!, p => (string)p.Attribute("version")!);
        Assert.StartsWith("1.", packages["nanoFramework.CoreLibrary"], StringComparison.Ordinal); // the 1.x line, no generics
        string[] hintPaths = project.Descendants(Msbuild + "HintPath").Select(h => h.Value).ToArray();
        Assert.NotEmpty(hintPaths);
        foreach (string hintPath in hintPaths)
        {
            Assert.Contains(packages, p => hintPath.Contains($"\\{p.Key}.{p.Value}\\", StringComparison.Ordinal));
        }
    }

    private static string? Value(XDocument project, string property) =>
        project.Descendants(Msbuild + property).Select(e => e.Value).FirstOrDefault();
}
