using System.Text;

namespace OgpPortal.Tests.Shared;

/// <summary>Files of OGP's data for the import tests: a small one made here, and the real slice in tests/TestData.</summary>
public static class ImportFiles
{
    public const string CurrentExportHeader =
        "Commitment Unique Identifier,Country/Locality,Action Plan Number,Commitment Number,Code,Region,National Or Local,Year Of Submission,Action Plan End Year,Action Plan Duration (Years),Commitment Title,Short Title,Full Text,Start Date,End Date,Lead Institution,Action Plan ID";

    /// <summary>558 commitments of OGP's own export (tests/TestData/README.md).</summary>
    public const int RealSampleCommitments = 558;

    /// <summary>Two commitments, ZZ0001 and ZZ0002, of a member that does not exist yet (Zedland), in OGP's current layout.</summary>
    public static byte[] Zedland() => Encoding.UTF8.GetBytes(string.Join("\r\n",
        CurrentExportHeader,
        "ZZ0001,Zedland,1,1,ZZL,Europe,National,2014,2016,2,Open budgets,Budgets,Full text,1/1/2014,12/31/2016,Ministry of Finance,AP_ZZL01",
        "ZZ0002,Zedland,1,2,ZZL,Europe,National,2014,2016,2,Open contracts,Contracts,Full text,1/1/2014,12/31/2016,Ministry of Finance,AP_ZZL01") + "\r\n");

    /// <summary>tests/TestData/ogp-commitments-open-parliament-2024.csv, found by walking up to the solution's folder.</summary>
    public static string RealSamplePath
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "OgpPortal.sln")))
            {
                dir = dir.Parent;
            }

            return Path.Combine(
                dir?.FullName ?? throw new InvalidOperationException("OgpPortal.sln not found above the test's folder."),
                "tests", "TestData", "ogp-commitments-open-parliament-2024.csv");
        }
    }
}
