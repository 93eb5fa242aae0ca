using System.Diagnostics;
using UglyToad.PdfPig;

namespace PerfEval.FunctionalTests.Reports;

/// <summary>
/// Converts documents to PDF with LibreOffice (headless, all files in one run, with a profile of its
/// own so it neither waits for nor disturbs another instance) and reads the PDFs' text with PdfPig.
/// </summary>
public static class PdfConversion
{
    public const string Install = "apt-get update && apt-get install -y libreoffice-writer-nogui libreoffice-calc-nogui fonts-wqy-zenhei";

    /// <summary>The text of each file's PDF, by file name; fails plainly when LibreOffice is not installed.</summary>
    public static async Task<Dictionary<string, string>> ConvertAsync(IReadOnlyDictionary<string, byte[]> files)
    {
        var soffice = Find("soffice") ?? Find("libreoffice");
        Assert.True(soffice is not null, $"LibreOffice (soffice) is not on PATH, so the rendered report and form cannot be checked as PDF. Install it: {Install}");

        var folder = Directory.CreateTempSubdirectory("perfeval-pdf-");
        try
        {
            var inputs = new List<string>();
            foreach (var (name, content) in files)
            {
                var path = Path.Combine(folder.FullName, name);
                await File.WriteAllBytesAsync(path, content);
                inputs.Add(path);
            }

            var start = new ProcessStartInfo(soffice)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[] { $"-env:UserInstallation=file://{Path.Combine(folder.FullName, "profile")}", "--headless", "--norestore", "--convert-to", "pdf", "--outdir", folder.FullName })
            {
                start.ArgumentList.Add(argument);
            }

            inputs.ForEach(start.ArgumentList.Add);
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("LibreOffice did not finish converting within 3 minutes.");
            }

            var texts = new Dictionary<string, string>();
            foreach (var name in files.Keys)
            {
                var pdf = Path.Combine(folder.FullName, Path.ChangeExtension(name, ".pdf"));
                Assert.True(File.Exists(pdf), $"LibreOffice made no PDF of {name} (exit {process.ExitCode}): {await output} {await errors}");
                using var document = PdfDocument.Open(pdf);
                texts[name] = string.Join("\n", document.GetPages().Select(p => p.Text));
            }

            return texts;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static string? Find(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, program))
            .FirstOrDefault(File.Exists);
}
