/**
 * Tiny real media files, so a browser can play and show what the mock serves: a 1 s 64x36 H.264 MP4
 * (constrained baseline, faststart) and two WebP images (a 64x36 thumbnail, a 4-frame 128x18 spritesheet),
 * generated once with ffmpeg + cwebp from its `testsrc2` pattern. Base64 keeps the package free of binary
 * files and of any runtime dependency.
 */

const VIDEO_MP4_BASE64 =
  'AAAAIGZ0eXBpc29tAAACAGlzb21pc28yYXZjMW1wNDEAAAMxbW9vdgAAAGxtdmhkAAAAAAAAAAAAAAAAAAAD6AAAA+gAAQAAAQAAAAAAAAAAAAAAAAEAAAAAAAAAAAAAAAAAAAABAAAAAAAAAAAAAAAAAABAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAgAAAoB0cmFrAAAAXHRraGQAAAADAAAAAAAAAAAAAAABAAAAAAAAA+gAAAAAAAAAAAAAAAAAAAAAAAEAAAAAAAAAAAAAAAAAAAABAAAAAAAAAAAAAAAAAABAAAAAAEAAAAAkAAAAAAAkZWR0cwAAABxlbHN0AAAAAAAAAAEAAAPoAAAAAAABAAAAAAH4bWRpYQAAACBtZGhkAAAAAAAAAAAAAAAAAAAwAAAAMABVxAAAAAAALWhkbHIAAAAAAAAAAHZpZGUAAAAAAAAAAAAAAABWaWRlb0hhbmRsZXIAAAABo21pbmYAAAAUdm1oZAAAAAEAAAAAAAAAAAAAACRkaW5mAAAAHGRyZWYAAAAAAAAAAQAAAAx1cmwgAAAAAQAAAWNzdGJsAAAAu3N0c2QAAAAAAAAAAQAAAKthdmMxAAAAAAAAAAEAAAAAAAAAAAAAAAAAAAAAAEAAJABIAAAASAAAAAAAAAABDExhdmMgbGlieDI2NAAAAAAAAAAAAAAAAAAAAAAAAAAAGP//AAAAMWF2Y0MBQsAe/+EAGGdCwB6mERH+fARAAAADAEAAAAYDxYuEYAEABmjIQgJSyAAAABBwYXNwAAAAAQAAAAEAAAAUYnRydAAAAAAAABPIAAATyAAAABhzdHRzAAAAAAAAAAEAAAAMAAAEAAAAABRzdHNzAAAAAAAAAAEAAAABAAAAHHN0c2MAAAAAAAAAAQAAAAEAAAAMAAAAAQAAAERzdHN6AAAAAAAAAAAAAAAMAAAB4gAAAAwAAAAfAAAACgAAAA0AAAARAAAACgAAABEAAAAKAAAACgAAAAoAAAALAAAAFHN0Y28AAAAAAAAAAQAAA2EAAAA9dWR0YQAAADVtZXRhAAAAAAAAACFoZGxyAAAAAAAAAABtZGlyYXBwbAAAAAAAAAAAAAAAAAhpbHN0AAAACGZyZWUAAAKBbWRhdAAAAd5liIIviERdwYEk3hwAHv8AJelx5X2g2Jk2Hhz+nDHrnivtMI1qvOzQ5HtNkZ4cznlrLjxmx0N/JR5sU6N9AgIzEgcBQMAM5pwmPG7PmS9nH54F+SDcIPd0BXrW4UpkQUVyE1t6cdSiKqIh7Zp8EtqqiN//1z+ATeevrPe81HpNn2fmx07PbUW65IGuytFKn7qNn1ihW0AEJhtLm7nkI3lwcs3zifc/OJ6Ojx08LPo83jj/5xA6zfOAxMABlG9W8OAv5NMYve6fYY9c+fZMTMjF73T7e17zzzS1lnmzZ6G+j+bKQ30a9556jzZ+bPQ30m/jqAwAGgQHdg03BSpoVCucSXEUNFQYfUV//vxMNjnDO0wttsNwm//n7z8RsIqLkCbqonA210BDy55X2/Ebv/gGPLnq+wk3y+8tZBR4nVkhxUvaI97XvedHmlrJLuImo7qgzNlNHthCDhBOQWSpbaYtSp7x+45af/MFoiLG1MBkdcaMV7KgGxw8qd6z07vd8wKZm4bU4AHwh+GrF/5/iCAUQgfPc5X3JDyFcfCwHkK4eFgLprxEmfd/738sQEbz68tz1tzFog9TAANMGAAHoj/mu8sRCwF0VeJJn3f/738sQAILD/YSueUSuaenp6fAAAAACEGaHCc7FeaAAAAAG0GaKgn+dBAu6hUkADBdM4xuQxAOAiOkQwYcZAAAAAZBmjsJxsAAAAAJQZpJA3+ieAyAAAAADUGaWUN9Z5xiST46+MgAAAAGQZppg3GwAAAADUGaecEf54rRAvLDxkAAAAAGQZqIgEcbAAAABkGamJBXGwAAAAZBmqigZxsAAAAHQZq4sCHGwA=='

const THUMBNAIL_WEBP_BASE64 =
  'UklGRrYCAABXRUJQVlA4IKoCAAAwDwCdASpAACQAPrVMnEsnJCKhqqwA4BaJbACEhDTe8cbfywZH1ufST6YfQA5m/9WuuA84D2AP1V9k3yu/Y4/vT0AryMw1lf9wFgryQ/9gPY4/s/+V5U/o32B/086wwk5nyO4vbvUOA3sS0PmQi4yXJoeHM9I3FudNH8JjYxWvMzJEAP7vFvOGjbIBxCPPlcnFq01JXGR2MC6iOpsQ+gax/ecD1ZDYPzL/rfDYLkhudNh1a6UZHc5o0eO1MMMbMT0IZeUqZ1FMya4zH//Zux8dmhN+23PitwB7HTvBuIT0doX/pIn8At3n/tjx8d9d8fBi9DsSG5AB4ghIhMOhouwAnNhvXuoQ/Bj35zIByErEix2fkjCWrs/cn6goVu83y+zyq7V2o2lfSMHrpn9G227akThRRjTm2w+kX3/zc3FO//6nG1x9oRP6q4OhnT+O/3jkkcEF1mpVKbKFSfKaqOrjYfmMYKzOfJqAYoZgCAqaMLfl45hGeMK8IdekDx0UvtbBHi2/Lt0Y5YCbhq0jRti/iqKiLCZ5W0QARuzmeKV91e9u5DytogAjbcdMgJQZBxbPE+G1kLHx2J/FCnYHhlW7hwjWZ8xfYqBrW3AQ64iqFTVe9sZ8d9mw5BrTX1R5dL2ADSbtNbwA9iM4HRxmYtOz+s5Sru1+DMjCJj39bmM+dL7h0tHG5OPD+d3BSZ7MFZBJUuDTbkapZJJZdAkbwb/bnrztt7pjsHlP1+89EO9dzwgMKStB8/iP2/9f+P+Z8eM5vrnOflfSt3NeNY9azlU7y458W4SiE1K8eJpfZAD6JfIhnF0IDyDlIg1AYc5nDmwygmJd+g148/MtxmibkBxa1CADYRdDZtGwqTzTIER4ftX7kDZduRgLdgQx0iUGEAbjpJsMZMRh2AAA'

const SPRITESHEET_WEBP_BASE64 =
  'UklGRi4FAABXRUJQVlA4ICIFAABQHgCdASqAABIAPrVInkmnJCKhMAgA4BaJbACdMoR3b7R9kHuCUf+b/hv1Af1XkEiBdnX7b8lvlv/AP4B7Xf+T6gH/F/ADrAeYD9bv2A91X+5ftb7gPQA/oH+79TL+of//9//k1/nX82///uAftz6YvsYful6cPUAf//hAOzb+789A/CZm8C/0A3h/eA2fa5xwAeYl+/PrN2AP0A+AD+AfgB7qf9V/0P8l5/fn32Df1g/ePtGDcURaqBpkoG90afL7W/nhNLnp/y6Kh0kI0sa+6G/K2MgM6g9gQ3NJTDXwcYEpz5L1eT9ZcUsHaesn/n8uNhMG5No7yd2uwAD+M5a0AWigMAY2qUjX2Iu58ImoTzDBsIB1Rg1jthm3VBP8K/SuHq+UPCKnGMR22xzjowXOudvY/sKSZP70llr/WqxUIyH+ChKFx42wT80ygsd7E4Yuhc866PImHHyWl6RhhGyM3xjjl8iACYpregtJwQkXzREfzdd5TQ/6PTa/C6OOsjdLVefRzHeK9nda831QKLFP4vxdSLwwDR9UjJJ1YmXiF58SXk0ebg0GRul49FwJ1XzX4/0IuPrO2Sg+B1t2uiUzOoTFgB/4GygGO5wrqp7FojMWPjjWhHgCTX6VziilKeoDCzWt2xqd5ppDCcZLckpWOYFxMNIF4YrFW1+sLUEiyYXrvdf3FIszvt3lCCm+KNmZIJXtxrcJInzcoXHjbBPzTJyO8V4eL3OzgLgu5s/tLLMPr1X/ViNpU385aUq1VS+NElLrPCyH43Dd39SXfnuI5Lf3I6JccmvRz1SOe0i+YXBXMW8k7xRoW9KuK8pGSTqy+iOScelkC0ebg6wfDmsRn+XTiBlSaok1kbDlQO3tFx8weMSExY9jfeBsoBjucK6qexaIzFdV+czcY0NwP6KIWsjE/ETv3l4ffhyGqcr126ukPB85OeNFh77rfGaa0ZObTmPCHV7t7kxAFOV2I8cWqNycxCijdVHnXVli9KmK1UMULxgFPveiWDD2Xbtq+3D8FAOlI4GPWliuUisbgT18kTpZJpJ8yIZUUCNXW8Q13ZI5Yj5lpEUJdmb3/7zAx3JCDPUxaN0RJiIbFnlR49SKCnzvHyoMnnOJYOZPC4c3fn0qfSLfoODUvR181+P9CLj6ztkoPgdbdrolMzqExYAf+BsoBjucK6qexaIzFdV+czcY0NwP3RbY7y404Vx6wYj1nxiQxu7sHL+axaAQzHuT3W+M5smov2LLwQhjiy5MjfVPw6kYOe9KQEom02lVHnXXjg7gISubYvFVVgM8u2zMoVVlA8/bHceGgQ2A5mjCtowyfYOjyL0X1dqpfGiSl1nhZD8biHH/Ul359GFskPJBuI+sTb59HMKkW9rwdYXqHqcMxqvBk+OS8HlIySdWX0RyTj0sgWjzcHWD4c1iM/y6cQMqTVEmsjYcqB29ouPmDxiQmLHsb7wNlAMdzhXVT2LRGYUFVvz6zOtPyVDmRZy//8Ox28s5gndni40D+d/aA+WklTEdGR1zVg5X8gSxnk/7kLGfu1uzrzCGWsoGBD8hPYsaRp8SvW2G9F9w5M4QVOfSyPUa/GoKWjpqYxgArLAiO8oEv+WoYanHdPghVtWsEILMfnU4Qa2527/A6RJo7d/gdIk4fVs/aFVwu9GDjfBhLrNYQPXEnxgznSLcmE05ncaMTCIM+rz3v7PaEHph262w3ovuHJnCCpz6YOYuogN0sG9Df4tBFigSxnk/7kLF8AA='

/** The `variant` values of `GET /videos/{id}/content`, as in the spec's `VideoContentVariant`. */
export type MockContentVariant = 'video' | 'thumbnail' | 'spritesheet'

/** The bytes and media type of one downloadable asset. */
export interface MockContentAsset {
  contentType: string
  bytes: Uint8Array<ArrayBuffer>
}

const SOURCES: Record<MockContentVariant, { contentType: string; base64: string }> = {
  video: { contentType: 'video/mp4', base64: VIDEO_MP4_BASE64 },
  thumbnail: { contentType: 'image/webp', base64: THUMBNAIL_WEBP_BASE64 },
  spritesheet: { contentType: 'image/webp', base64: SPRITESHEET_WEBP_BASE64 },
}

/**
 * Whether `value` names a content variant the spec defines.
 *
 * @example
 * isContentVariant(url.searchParams.get('variant') ?? 'video') // true for 'thumbnail'
 */
export function isContentVariant(value: string): value is MockContentVariant {
  return Object.hasOwn(SOURCES, value)
}

/**
 * A fresh copy of the asset for `variant` (callers may hand it to a `Response`, which owns it).
 * `atob` rather than `Buffer` keeps this usable in a browser.
 *
 * @example
 * const { bytes, contentType } = contentAsset('thumbnail') // contentType 'image/webp'
 */
export function contentAsset(variant: MockContentVariant): MockContentAsset {
  const { contentType, base64 } = SOURCES[variant]
  return { contentType, bytes: Uint8Array.from(atob(base64), (char) => char.charCodeAt(0)) }
}
