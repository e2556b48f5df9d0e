// The seed blog post's server (/work/shared/seed: "Exploring Amazon S3 Pre-Signed URLs"), kept as the post
// wrote it so that scripts/bench-demo.sh measures what a reader of the post would run. What differs, and why:
//  - The port comes from PORT (3000 when unset, as in the post), so the benchmark can take a free port on a
//    shared machine. That line is the only change to the code.
//  - Credentials, region and bucket come from the environment, as in the post; the benchmark sets fake ones,
//    because signing is local computation and no request reaches S3. The post's code reads AWS_S3_BUCKET
//    while its .env defines S3_BUCKET_NAME: the benchmark sets both rather than fix the code.
//  - package.json: the post's `npm install` also adds the v2 "aws-sdk" package, which this code never imports,
//    so it is left out. "type": "module" lets Node run the post's import statements. The AWS SDK is pinned to
//    3.967.0, the last release that supports Node.js 18 (Debian 12's nodejs); the lockfile pins the rest.
import { S3Client, PutObjectCommand } from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { config } from "dotenv";
import express from "express";
config();
const app = express();
// Configure AWS SDK with credentials
const S3 = new S3Client({
  region: process.env.AWS_REGION,
  credentials: {
    accessKeyId: process.env.AWS_ACCESS_KEY_ID,
    secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY,
  },
});
// Generate a pre-signed URL
app.get('/generate-presigned-url', async (req, res) => {
  const { fileName, fileType } = req.query;
  if (!fileName || !fileType) {
    return res.status(400).json({ error: "Missing fileName or fileType" });
  }
  try {
    // Define parameters for the pre-signed URL
    const command = new PutObjectCommand({
      Bucket: process.env.AWS_S3_BUCKET,
      Key: fileName,
      ContentType: fileType,
    });
    // Generate the pre-signed URL
    const requestURL = await getSignedUrl(S3, command, { expiresIn: 3600 }); // URL valid for 1 hour
    res.json({ requestURL });
  } catch (error) {
    console.error("Error generating presigned URL", error);
    res.status(500).json({ error: "Error generating presigned URL" });
  }
});
const port = Number(process.env.PORT || 3000); // changed: the post has `const port = 3000;`
app.listen(port, () => {
  console.log(`Server running on port ${port}`);
});
