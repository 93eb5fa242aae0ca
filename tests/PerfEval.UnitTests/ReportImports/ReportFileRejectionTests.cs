using System.IO.Compression;
using System.Text;
using PerfEval.Application.ReportImports;
using PerfEval.Infrastructure.ReportFiles;

namespace PerfEval.UnitTests.ReportImports;

/// <summary>Files that are not reports, or not what they say, or too big, or hostile: each a distinct, typed refusal.</summary>
public sealed class ReportFileRejectionTests
{
    private static readonly byte[] Seed000 = ReportFixtures.SeedBytes("seed-000.txt");

    public static TheoryData<string, byte[], string, ReportFileProblem> Refused => new()
    {
        { "a Word 97 file's type", Seed000, "application/msword", ReportFileProblem.UnsupportedType },
        { "no type", Seed000, "", ReportFileProblem.UnsupportedType },
        { "a PDF sent as text", ReportFixtures.SeedBytes("seed-000.pdf"), "text/plain", ReportFileProblem.UnsupportedType },
        { "text sent as Word", Seed000, ReportContentTypes.Docx, ReportFileProblem.UnsupportedType },
        { "text sent as PDF", Seed000, ReportContentTypes.Pdf, ReportFileProblem.UnsupportedType },
        { "a legacy .doc sent as Word", CompoundFile(withEncryptionInfo: false), ReportContentTypes.Docx, ReportFileProblem.UnsupportedType },
        { "a password-protected Word file", CompoundFile(withEncryptionInfo: true), ReportContentTypes.Docx, ReportFileProblem.Encrypted },
        { "a password-protected PDF", ReportFixtures.SeedBytes("locked.pdf"), ReportContentTypes.Pdf, ReportFileProblem.Encrypted },
        { "a ZIP header and then nothing", [.. "PK\x03\x04"u8, .. new byte[64]], ReportContentTypes.Docx, ReportFileProblem.Malformed },
        { "a ZIP that is not a Word package", Zip(("notes.txt", Encoding.UTF8.GetBytes("年初预算数为100万元"))), ReportContentTypes.Docx, ReportFileProblem.Malformed },
        { "a PDF header and then garbage", [.. "%PDF-1.7\n"u8, .. Encoding.ASCII.GetBytes(new string('x', 500))], ReportContentTypes.Pdf, ReportFileProblem.Malformed },
        { "a truncated PDF", ReportFixtures.SeedBytes("seed-000.pdf")[..2000], ReportContentTypes.Pdf, ReportFileProblem.Malformed },
        { "GBK text", Encoding.Latin1.GetBytes("\xc4\xea\xb3\xf5\xd4\xa4\xcb\xe3"), "text/plain", ReportFileProblem.Malformed },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Read_BadFile_IsRefusedWithItsProblem(string file, byte[] content, string contentType, ReportFileProblem problem)
    {
        var refused = Assert.Throws<ReportFileRejectedException>(() => new ReportFileReader(ReportImportLimits.Default).Read(content, contentType));

        Assert.True(problem == refused.Problem, $"{file}: {refused.Problem} ({refused.Message})");
    }

    [Theory]
    [InlineData("今天天气很好。\n我们去公园散步，看到了很多花。")]
    [InlineData("")]
    [InlineData("部门单位整体支出绩效自评报告\n(2024年度)")]
    [InlineData("一、基本概况:\n本单位工作有序开展。")]
    public void Read_TextWithNothingRecognisable_IsNotAReport(string text)
    {
        var document = new ReportFileReader(ReportImportLimits.Default).Read(Encoding.UTF8.GetBytes(text), "text/plain");

        var refused = Assert.Throws<ReportFileRejectedException>(() => ReportReader.Read(document));
        Assert.Equal(ReportFileProblem.NotAReport, refused.Problem);
    }

    [Theory]
    [InlineData(1000, false)]
    [InlineData(1001, true)]
    public void Read_MoreIndicatorsThanAnyReport_IsTooMuchText(int count, bool refused)
    {
        var text = "(2024年度)\n" + string.Concat(Enumerable.Range(1, count).Select(i => $"指标{i}:目标值≥{i}项,实际完成{i}项。\n"));

        var read = Record.Exception(() => ReportReader.Read(ReportDocument.FromText(text)));

        Assert.Equal(refused, read is ReportFileRejectedException { Problem: ReportFileProblem.TooMuchText });
        Assert.Equal(refused, read is not null);
    }

    [Fact]
    public void Read_WordFileWithoutReport_IsNotAReport()
    {
        var document = new ReportFileReader(ReportImportLimits.Default).Read(ReportFixtures.Docx(["会议纪要", "请各位准时参加。"]), ReportContentTypes.Docx);

        Assert.Equal(ReportFileProblem.NotAReport, Assert.Throws<ReportFileRejectedException>(() => ReportReader.Read(document)).Problem);
    }

    [Theory]
    [InlineData("text", ReportFileProblem.TooLarge)]
    [InlineData("pages", ReportFileProblem.TooManyPages)]
    [InlineData("paragraphs", ReportFileProblem.TooMuchText)]
    [InlineData("characters", ReportFileProblem.TooMuchText)]
    public void Read_PastALimit_IsRefused(string limit, ReportFileProblem problem)
    {
        var (limits, content, type) = limit switch
        {
            "text" => (new ReportImportLimits(MaxBytes: 10_000), Seed000, "text/plain"),
            "pages" => (new ReportImportLimits(MaxPages: 2), ReportFixtures.SeedBytes("seed-000.pdf"), ReportContentTypes.Pdf),
            "paragraphs" => (new ReportImportLimits(MaxParagraphs: 50), ReportFixtures.SeedDocx("seed-000"), ReportContentTypes.Docx),
            _ => (new ReportImportLimits(MaxCharacters: 5_000), Seed000, "text/plain"),
        };

        Assert.Equal(problem, Assert.Throws<ReportFileRejectedException>(() => new ReportFileReader(limits).Read(content, type)).Problem);
    }

    [Fact]
    public void Read_SeedWithinTheDefaultLimits_IsRead()
    {
        var reader = new ReportFileReader(ReportImportLimits.Default);

        Assert.NotEmpty(reader.Read(Seed000, "text/plain").Blocks);
        Assert.NotEmpty(reader.Read(ReportFixtures.SeedBytes("seed-000.pdf"), "application/pdf").Blocks);
        Assert.NotEmpty(reader.Read(ReportFixtures.SeedDocx("seed-000"), ReportContentTypes.Docx).Blocks);
    }

    [Fact]
    public void Read_WordFileWithAPartThatInflatesFar_IsAZipBomb()
    {
        // 8 MiB of zeros deflate to a few KiB: a ratio no document part has.
        var bomb = WithExtraPart(ReportFixtures.SeedDocx("seed-000"), "word/media/padding.bin", new byte[8 * 1024 * 1024]);

        var refused = Assert.Throws<ReportFileRejectedException>(() => new ReportFileReader(ReportImportLimits.Default).Read(bomb, ReportContentTypes.Docx));
        Assert.Equal(ReportFileProblem.InflatesTooFar, refused.Problem);
    }

    [Fact]
    public void Read_WordFileInflatingPastTheTotal_IsRefusedEvenAtAnOrdinaryRatio()
    {
        var random = new Random(21);
        var noise = new byte[3 * 1024 * 1024];
        random.NextBytes(noise);
        var big = WithExtraPart(ReportFixtures.SeedDocx("seed-000"), "word/media/photo.bin", noise);

        var refused = Assert.Throws<ReportFileRejectedException>(() => new ReportFileReader(new ReportImportLimits(MaxInflatedBytes: 2 * 1024 * 1024)).Read(big, ReportContentTypes.Docx));
        Assert.Equal(ReportFileProblem.InflatesTooFar, refused.Problem);
    }

    /// <summary>
    /// An OLE compound file header. Word stores a password-protected .docx this way, with an
    /// "EncryptionInfo" stream; without one it is a legacy .doc.
    /// </summary>
    private static byte[] CompoundFile(bool withEncryptionInfo)
    {
        var bytes = new byte[4096];
        new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.CopyTo(bytes, 0);
        Encoding.Unicode.GetBytes(withEncryptionInfo ? "EncryptionInfo" : "WordDocument").CopyTo(bytes, 1024);
        return bytes;
    }

    private static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var entry = zip.CreateEntry(name).Open();
                entry.Write(content);
            }
        }

        return stream.ToArray();
    }

    private static byte[] WithExtraPart(byte[] docx, string name, byte[] content)
    {
        using var stream = new MemoryStream();
        stream.Write(docx);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            using var entry = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
            entry.Write(content);
        }

        return stream.ToArray();
    }
}
