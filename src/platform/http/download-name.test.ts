import { describe, expect, it } from "vitest";
import { attachment, downloadName } from "./download-name.js";

describe("downloadName", () => {
  it("gives a file the extension of the type its bytes are, whatever it was called", () => {
    expect(downloadName("passport.html", "application/pdf")).toBe("passport.pdf");
    expect(downloadName("photo.svg", "image/png")).toBe("photo.png");
    expect(downloadName("scan", "image/jpeg")).toBe("scan.jpg");
    expect(downloadName("scan.JPEG", "image/jpeg")).toBe("scan.JPEG");
    expect(downloadName("جواز السفر.pdf", "application/pdf")).toBe("جواز السفر.pdf");
    expect(downloadName(".htaccess", "application/pdf")).toBe(".htaccess.pdf");
    expect(downloadName("tool.exe", "application/x-unknown")).toBe("tool.bin");
  });

  it("writes a Content-Disposition with an ASCII fallback and the UTF-8 name", () => {
    expect(attachment("passport.html", "application/pdf")).toBe(
      `attachment; filename="passport.pdf"; filename*=UTF-8''passport.pdf`,
    );
    expect(attachment("جواز.html", "application/pdf")).toBe(
      `attachment; filename="____.pdf"; filename*=UTF-8''${encodeURIComponent("جواز.pdf")}`,
    );
  });
});
