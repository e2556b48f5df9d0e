// The seed blog post's server (/work/shared/seed: "Exploring Amazon S3 Pre-Signed URLs"), kept as the post
// wrote it so that scripts/bench-demo.sh measures what a reader of the post would run. Changes, each to make
// it run here and nothing else:
//  - The port comes from PORT (default 3000, as in the post), so the benchmark can take a free one on a
//    shared machine.
//  - Nothing else. Credentials, region and bucket come from the environment exactly as in the post; the
//    benchmark sets fake ones, because signing is local computation and no call goes to S3. The post's code
//    reads AWS_S3_BUCKET while its .env defines S3_BUCKET_NAME: the benchmark sets both rather than fix it.
//  - The post also installs the v2 "aws-sdk" package, which this code never imports: it is left out.
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
